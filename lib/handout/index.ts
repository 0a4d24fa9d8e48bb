/** The pure parts of the handout: paper, options, geometry, content, packing, plan. */
export * from './content'
export * from './geometry'
export * from './options'
export * from './pack'
export * from './paper'
export * from './picture'
export * from './plan'
