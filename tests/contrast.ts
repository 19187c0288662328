/** WCAG 2 contrast arithmetic, shared by the theme unit test and the e2e that reads rendered colours. */
export type Rgb = [number, number, number]

export function parseColour(text: string): { rgb: Rgb; alpha: number } {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim())
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1]
    const n = parseInt(digits, 16)
    return { rgb: [(n >> 16) & 255, (n >> 8) & 255, n & 255], alpha: 1 }
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(text.trim())
  if (!fn) throw new Error(`Not a colour: ${text}`)
  const parts = fn[1].split(/[\s,/]+/).filter(Boolean).map(Number)
  return { rgb: [parts[0], parts[1], parts[2]], alpha: parts[3] ?? 1 }
}

/** `top` drawn at `alpha` over an opaque `bottom`. */
export function over(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return top.map((c, i) => c * alpha + bottom[i] * (1 - alpha)) as Rgb
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}
