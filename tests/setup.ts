// happy-dom has no visualViewport, which Vuetify's overlays (dialogs, menus) position against.
if (!('visualViewport' in window) || !window.visualViewport) {
  const viewport = Object.assign(new EventTarget(), {
    width: window.innerWidth,
    height: window.innerHeight,
    offsetLeft: 0,
    offsetTop: 0,
    pageLeft: 0,
    pageTop: 0,
    scale: 1,
  })
  Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true })
  Object.defineProperty(globalThis, 'visualViewport', { value: viewport, configurable: true })
}
