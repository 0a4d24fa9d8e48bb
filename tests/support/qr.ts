import type { Page } from '@playwright/test'
import { createRequire } from 'node:module'
import jsQR from 'jsqr'
import { renderPage } from './pdf'

/** jsQR's browser build, for page.addScriptTag. */
const JSQR_PATH = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js')

/** The columns [x0, x1) of an RGBA image as an image of their own. */
function columns(data: Uint8ClampedArray, width: number, height: number, x0: number, x1: number): Uint8ClampedArray {
  const w = x1 - x0
  const out = new Uint8ClampedArray(w * height * 4)
  for (let y = 0; y < height; y++)
    out.set(data.subarray((y * width + x0) * 4, (y * width + x1) * 4), y * w * 4)
  return out
}

/**
 * The QR codes in an RGBA image, as the texts they hold. jsQR reads one code an image and is
 * thrown by two side by side (it pairs finder patterns across them), so the image is read
 * whole and by halves, left and right: the closing slide has its two codes side by side.
 */
export function decodeAll(data: Uint8ClampedArray, width: number, height: number): string[] {
  const half = Math.floor(width / 2)
  const parts = [
    jsQR(data, width, height),
    jsQR(columns(data, width, height, 0, half), half, height),
    jsQR(columns(data, width, height, half, width), width - half, height),
  ]
  return [
    ...new Set(parts.flatMap(c => (c
      ? [c.data]
      : []))),
  ]
}

/** The QR codes printed on a page of a PDF, read from the page rendered by poppler. */
export function pdfPageQrs(pdf: string, page: number, dpi = 150): string[] {
  const { width, height, pixels: rgb } = renderPage(pdf, page, { dpi })
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    rgba[4 * i] = rgb[3 * i]!
    rgba[4 * i + 1] = rgb[3 * i + 1]!
    rgba[4 * i + 2] = rgb[3 * i + 2]!
    rgba[4 * i + 3] = 255
  }
  return decodeAll(rgba, width, height)
}

/**
 * The QR codes a slide shows, each rasterised in Chromium from its own SVG (drawn into a
 * canvas, 6 px a module) and decoded with jsQR: what a phone camera would read.
 */
export async function slideQrs(page: Page, selector: string): Promise<string[]> {
  // Right after a navigation the slide may not be drawn yet: read the codes once it is.
  await page.locator(`${selector} [data-take-away] svg`).first().waitFor()
  if (!await page.evaluate(() => 'jsQR' in window))
    await page.addScriptTag({ path: JSQR_PATH })
  return page.locator(`${selector} [data-take-away] svg`).evaluateAll(async (svgs) => {
    const out: string[] = []
    for (const svg of svgs as SVGSVGElement[]) {
      const [, , w] = svg.getAttribute('viewBox')!.split(' ').map(Number)
      const px = w! * 6
      const clone = svg.cloneNode(true) as SVGSVGElement
      clone.setAttribute('width', String(px))
      clone.setAttribute('height', String(px))
      const img = new Image()
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = px
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const code = (window as any).jsQR(ctx.getImageData(0, 0, px, px).data, px, px)
      out.push(code?.data ?? '')
    }
    return out
  })
}
