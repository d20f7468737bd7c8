import { encode } from 'uqr'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * The QR code of `text` as an SVG image named `label`: dark modules on white with a quiet zone of four,
 * in every colour scheme (phone cameras read dark on light). One path, no inline style, so a strict CSP
 * allows it. Encoded by `uqr` (medium error correction); this module is a chunk of its own, loaded only
 * when a link to a phone is shown.
 */
export function qrSvg(doc: Document, text: string, label: string): SVGSVGElement {
  const { data, size } = encode(text, { ecc: 'M', border: 4 })
  const svg = doc.createElementNS(SVG, 'svg')
  const background = doc.createElementNS(SVG, 'rect')
  const modules = doc.createElementNS(SVG, 'path')
  let d = ''
  for (const [y, row] of data.entries()) for (const [x, dark] of row.entries()) if (dark) d += `M${x} ${y}h1v1h-1z`
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('shape-rendering', 'crispEdges')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', '#fff')
  modules.setAttribute('d', d)
  modules.setAttribute('fill', '#000')
  svg.append(background, modules)
  return svg
}
