import type { Locator } from '@playwright/test'
import { contrast, over, parseColour, type Rgb } from '../tests/contrast'

/**
 * The contrast of a tonal chip's or alert's text as Chromium drew it: its text colour over its underlay
 * (the colour at the underlay's opacity) over the first opaque background behind it.
 */
export async function renderedTonalContrast(element: Locator): Promise<number> {
  const drawn = await element.evaluate((node) => {
    const underlay = node.querySelector(':scope > [class$="__underlay"]')
    let ground: Element | null = node.parentElement
    let groundColour = 'rgb(255, 255, 255)'
    for (; ground; ground = ground.parentElement) {
      const colour = getComputedStyle(ground).backgroundColor
      if (!/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent') {
        groundColour = colour
        break
      }
    }
    return {
      text: getComputedStyle(node).color,
      underlay: underlay ? getComputedStyle(underlay).backgroundColor : 'rgba(0, 0, 0, 0)',
      underlayOpacity: underlay ? Number(getComputedStyle(underlay).opacity) : 0,
      ground: groundColour,
    }
  })
  const ground = parseColour(drawn.ground).rgb
  const underlay = parseColour(drawn.underlay)
  const back: Rgb = over(underlay.rgb, underlay.alpha * drawn.underlayOpacity, ground)
  return contrast(parseColour(drawn.text).rgb, back)
}
