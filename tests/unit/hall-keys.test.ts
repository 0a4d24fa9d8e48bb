import { describe, expect, it } from 'vitest'
import { focusKind, hallAction } from '../../lib/hallKeys'

const slider = focusKind({ tagName: 'INPUT', type: 'range' })
const button = focusKind({ tagName: 'BUTTON' })
const notes = focusKind({ tagName: 'DIV' })

describe('hallAction', () => {
  it('gives a clicker\'s keys to the talk whatever control has focus', () => {
    for (const focus of [slider, button, notes]) {
      for (const key of ['PageDown', 'ArrowRight', ' '])
        expect(hallAction({ key }, focus), `${key} on ${focus}`).toBe('next')
      for (const key of ['PageUp', 'ArrowLeft'])
        expect(hallAction({ key }, focus), `${key} on ${focus}`).toBe('prev')
      expect(hallAction({ key: ' ', shiftKey: true }, focus)).toBe('prev')
    }
  })

  it('leaves a focused control its own keys: a slider steps with Up/Down and jumps with Home/End', () => {
    for (const key of [
      'ArrowUp',
      'ArrowDown',
      'Home',
      'End',
      'Enter',
      'Tab',
    ])
      expect(hallAction({ key }, slider), key).toBeNull()
  })

  it('escape gives focus back to the deck; F5 goes full screen; b and . blank the screen', () => {
    expect(hallAction({ key: 'Escape' }, slider)).toBe('release')
    expect(hallAction({ key: 'F5' }, 'deck')).toBe('fullscreen')
    expect(hallAction({ key: 'F5', shiftKey: true }, button)).toBe('fullscreen')
    expect(hallAction({ key: 'b' }, 'deck')).toBe('blank')
    expect(hallAction({ key: '.' }, slider)).toBe('blank')
  })

  it('with the projector blanked, next or back shows the slide again instead of turning the talk', () => {
    for (const key of [
      'PageDown',
      'PageUp',
      'ArrowRight',
      'ArrowLeft',
      ' ',
    ]) {
      expect(hallAction({ key }, 'deck', true), key).toBe('show')
      expect(hallAction({ key }, slider, true), key).toBe('show')
    }
    expect(hallAction({ key: ' ', shiftKey: true }, 'deck', true)).toBe('show')
    // ↑/↓ skip slides with nothing focused, and step a focused slider.
    expect(hallAction({ key: 'ArrowDown' }, 'deck', true)).toBe('show')
    expect(hallAction({ key: 'ArrowDown' }, slider, true)).toBeNull()
    // b still toggles; the go-to box still takes its digits.
    expect(hallAction({ key: 'b' }, 'deck', true)).toBe('blank')
    expect(hallAction({ key: 'PageDown' }, 'text', true)).toBeNull()
    // Not blanked: as before.
    expect(hallAction({ key: 'PageDown' }, 'deck', false)).toBeNull()
  })

  it('with nothing focused leaves the talk keys to Slidev\'s own shortcuts', () => {
    for (const key of [
      'PageDown',
      'ArrowRight',
      ' ',
      'PageUp',
      'Escape',
    ])
      expect(hallAction({ key }, 'deck'), key).toBeNull()
  })

  it('never takes a key from a text field (the "go to slide" box) or a shortcut with a modifier', () => {
    const text = focusKind({ tagName: 'INPUT', type: 'text' })
    expect(text).toBe('text')
    for (const key of [
      'PageDown',
      ' ',
      'ArrowRight',
      'b',
      '.',
      'F5',
      'Escape',
    ])
      expect(hallAction({ key }, text), key).toBeNull()
    expect(hallAction({ key: 'ArrowRight', altKey: true }, slider)).toBeNull()
    expect(hallAction({ key: 'b', ctrlKey: true }, 'deck')).toBeNull()
  })

  it('sorts focus: page, controls, text entry', () => {
    expect(focusKind(null)).toBe('deck')
    expect(focusKind({ tagName: 'BODY' })).toBe('deck')
    expect(focusKind({ tagName: 'A' })).toBe('control')
    expect(focusKind({ tagName: 'INPUT', type: 'checkbox' })).toBe('control')
    expect(focusKind({ tagName: 'TEXTAREA' })).toBe('text')
    expect(focusKind({ tagName: 'SELECT' })).toBe('text')
    expect(focusKind({ tagName: 'DIV', isContentEditable: true })).toBe('text')
  })
})
