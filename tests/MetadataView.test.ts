import { afterEach, describe, expect, it } from 'vitest'
import { h, nextTick } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import type { JsonSchema } from '@/api/models/common'
import MetadataView from '@/components/metadata/MetadataView.vue'
import schemaFile from '../server/data/dataset-schema.json'
import example from '../server/data/examples/valid_ro_raw2.json'
import { mountWithShell } from './mountWithShell'

const schema = schemaFile as JsonSchema
let wrapper: VueWrapper | undefined

function record(changes: { associations?: object; dataset_info?: object } = {}) {
  const value = structuredClone(example)
  Object.assign(value.associations, changes.associations)
  Object.assign(value.dataset_info, changes.dataset_info)
  return value
}

function mountView(value: unknown, options: { headingLevel?: number; navigable?: boolean; slots?: Record<string, unknown> } = {}) {
  wrapper = mountWithShell(MetadataView, {
    props: { schema, value, headingLevel: options.headingLevel, navigable: options.navigable },
    slots: options.slots as never,
  })
  return wrapper
}

/** The <dd> of the field whose <dt> starts with the title. */
function field(title: string): HTMLElement | undefined {
  const term = [...document.querySelectorAll('dt')].find((dt) => dt.querySelector('span')?.textContent === title)
  return term?.nextElementSibling as HTMLElement | undefined
}

const buttons = () => [...document.querySelectorAll('button')]
function button(name: string): HTMLButtonElement {
  const found = buttons().filter((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)
  expect(found, name).toHaveLength(1)
  return found[0]
}

afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

describe('MetadataView', () => {
  it('gives each section and nested group a heading with the schema title, one level down each time', () => {
    mountView(record())
    const headings = (tag: string) => [...document.querySelectorAll(tag)].map((e) => e.textContent)
    expect(headings('h3')).toEqual(['Dataset Associations', 'Dataset Approvals', 'Dataset Information'])
    expect(headings('h4')).toEqual([
      'Dataset Registration Ethics and Privacy', 'Dataset Access Ethics and Privacy', 'Indigenous Knowledge and Consent',
      'Export Controls', 'Access Info', 'Dataset Creation Date', 'Dataset Publication Date',
    ])
    expect(document.body.textContent).toContain('Please provide information about the people and organisations')
  })

  it('starts at the heading level asked for', () => {
    mountView(record(), { headingLevel: 2 })
    expect([...document.querySelectorAll('h2')].map((e) => e.textContent)).toContain('Dataset Information')
    expect([...document.querySelectorAll('h3')].map((e) => e.textContent)).toContain('Access Info')
  })

  it('lays fields out as a description list, each term with its description behind an info button', () => {
    mountView(record())
    for (const dl of document.querySelectorAll('dl')) {
      for (const child of dl.children) {
        expect(child.tagName).toBe('DIV')
        expect([...child.children].map((c) => c.tagName)).toEqual(['DT', 'DD'])
      }
    }
    const term = field('Dataset name')?.previousElementSibling
    expect(term?.textContent).toContain('Please provide a readable name for the dataset.')
    expect(field('Dataset name')?.textContent).toBe('Coral results 2021-02-30')
  })

  it('hides the schema descriptions until their info button is pressed, for fields and sections alike', async () => {
    mountView(record())
    for (const title of ['Dataset name', 'Dataset Information']) {
      const about = button(`About ${title}`)
      const text = document.getElementById(about.getAttribute('aria-controls')!)!
      expect(about.getAttribute('aria-expanded')).toBe('false')
      expect(text.style.display).toBe('none')
      about.click()
      await nextTick()
      expect(about.getAttribute('aria-expanded')).toBe('true')
      expect(text.style.display).toBe('')
      expect(text.textContent).toMatch(/^Please provide/)
      about.click()
      await nextTick()
      expect(text.style.display).toBe('none')
    }
    // A field the schema does not describe gets no button to press for nothing.
    expect(buttons().filter((b) => b.getAttribute('aria-label') === 'About Relevant')).toEqual([])
  })

  it('summarises a spatial shape, with its EWKT on request, and shows text that is no shape as stored', async () => {
    const coverage = 'SRID=4326;POLYGON((148.1 -35.4,149.0 -35.4,149.0 -35.1,148.1 -35.1,148.1 -35.4))'
    mountView(record({ dataset_info: { spatial_info: { coverage, extent: 'SRID=4326;POLYGON((1 2', resolution: '0.1' } } }))
    const shape = field('Spatial Coverage')!
    expect(shape.textContent).toContain('Polygon · 5 points · bounding box 148.1, -35.4 to 149, -35.1 (SRID 4326)')
    const raw = shape.querySelector('code')!
    expect(raw.textContent).toBe(coverage)
    expect(raw.style.display).toBe('none')
    button('Show EWKT of Spatial Coverage').click()
    await nextTick()
    expect(raw.style.display).toBe('')
    expect(button('Hide EWKT of Spatial Coverage').getAttribute('aria-controls')).toBe(raw.id)
    expect(buttons().some((b) => b.getAttribute('aria-label') === 'Copy the EWKT of Spatial Coverage')).toBe(true)
    expect(field('Spatial Extent')?.textContent).toBe('SRID=4326;POLYGON((1 2')
    expect(field('Spatial Resolution')?.textContent).toBe('0.1')
  })

  it('links an https licence, opening in a new tab without an opener', () => {
    mountView(record())
    const link = field('Usage license')?.querySelector('a')
    expect(link?.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(link?.getAttribute('target')).toBe('_blank')
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('does not link a uri that is not http(s)', () => {
    mountView(record({ dataset_info: { access_info: { reposited: false, uri: 'javascript:alert(1)', description: 'x' } } }))
    const uri = field('Dataset URI')
    expect(uri?.textContent).toContain('javascript:alert(1)')
    expect(uri?.querySelector('a')).toBeNull()
  })

  it('says Yes and No, shows dates in the locale as the calendar day stored, and lists keywords', () => {
    mountView(record({ dataset_info: { keywords: ['reef', 'coral'], user_metadata: { site: 'North' } } }))
    expect(field('Data Storage')?.textContent).toBe('No')
    expect(field('Relevant')?.textContent).toBe('No')
    const date = field('Value')?.querySelector('time')
    expect(date?.getAttribute('datetime')).toBe('2021-12-25')
    expect(date?.textContent).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2021, 11, 25)))
    expect([...field('Keywords')!.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(['reef', 'coral'])
    const map = field('Custom User Metadata')
    expect(map?.querySelector('dt')?.textContent).toBe('site')
    expect(map?.querySelector('dd')?.textContent).toBe('North')
  })

  it('hands registry ids to the agent slot with their kind', () => {
    mountView(record({ associations: { data_custodian_id: 'person-7' } }), {
      slots: { agent: ({ id, kind }: { id: string; kind: string }) => h('span', { class: 'agent' }, `${kind}:${id}`) },
    })
    expect([...document.querySelectorAll('.agent')].map((e) => e.textContent)).toEqual([
      'organisation:1234', 'person:person-7', 'organisation:1234',
    ])
    expect(field('Dataset Custodian')?.textContent).toBe('person:person-7')
  })

  it('shows the id in monospace when the page gives no agent slot', () => {
    mountView(record())
    expect(field('Publisher')?.querySelector('code')?.textContent).toBe('1234')
  })

  it('leaves out empty optional fields and shows a missing required one', () => {
    const value = record({ associations: { point_of_contact: '' }, dataset_info: { purpose: null, keywords: [], spatial_info: {} } })
    delete (value.dataset_info as { license?: string }).license
    mountView(value)
    const text = document.body.textContent
    for (const title of ['Point of Contact', 'Dataset Purpose', 'Keywords', 'Dataset Spatial Information', 'Dataset Custodian']) {
      expect(text).not.toContain(title)
    }
    expect(field('Usage license')?.textContent).toContain('Missing (required)')
  })
})

describe('MetadataView, navigable', () => {
  const body = (title: string) => document.getElementById(button(title).getAttribute('aria-controls')!)!
  const spatial = { spatial_info: { coverage: 'SRID=4326;POINT(145.7 -16.9)' } }

  it('has no index and plain headings unless asked, as in history and review', () => {
    mountView(record())
    expect(document.querySelector('nav')).toBeNull()
    expect(document.querySelector('h3 button, h4 button')).toBeNull()
  })

  it('indexes the sections and their sub-sections, linking to each by id', () => {
    mountView(record({ dataset_info: spatial }), { navigable: true })
    const nav = document.querySelector('nav[aria-label="Metadata sections"]')!
    const links = [...nav.querySelectorAll('a')]
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Dataset Associations',
      'Dataset Approvals', 'Dataset Registration Ethics and Privacy', 'Dataset Access Ethics and Privacy',
      'Indigenous Knowledge and Consent', 'Export Controls',
      'Dataset Information', 'Access Info', 'Dataset Creation Date', 'Dataset Publication Date', 'Dataset Spatial Information',
    ])
    for (const link of links) expect(document.querySelector(link.getAttribute('href')!)?.tagName).toBe('SECTION')
  })

  it('collapses a section from the button in its heading, and collapses or expands them all', async () => {
    mountView(record(), { navigable: true })
    const toggle = button('Dataset Information')
    expect(toggle.closest('h3')).not.toBeNull()
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    toggle.click()
    await nextTick()
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(body('Dataset Information').style.display).toBe('none')
    expect(body('Dataset Associations').style.display).toBe('')

    button('Expand all sections').click()
    await nextTick()
    expect(body('Dataset Information').style.display).toBe('')
    button('Collapse all sections').click()
    await nextTick()
    for (const title of ['Dataset Associations', 'Dataset Information', 'Access Info']) {
      expect(button(title).getAttribute('aria-expanded'), title).toBe('false')
    }
  })

  it('opens a collapsed section and the one around it when its link is followed, and focuses its heading', async () => {
    mountView(record({ dataset_info: spatial }), { navigable: true })
    button('Collapse all sections').click()
    await nextTick()
    const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent?.trim() === 'Dataset Spatial Information') as HTMLElement
    link.click()
    await nextTick()
    await nextTick()
    expect(body('Dataset Information').style.display).toBe('')
    expect(body('Dataset Spatial Information').style.display).toBe('')
    expect(document.activeElement).toBe(button('Dataset Spatial Information'))
    expect(body('Dataset Approvals').style.display).toBe('none')
  })
})
