import { describe, expect, it } from 'vitest'
import { problemsFromDetails } from '@/metadata/serverProblems'

const FIELDS = ['associations.organisation_id', 'dataset_info.publisher_id', 'dataset_info.spatial_info.coverage', 'dataset_info.spatial_info.extent', 'dataset_info.name']
const PREFIX = 'Registry API responded with an error during validation, error: '

describe('problemsFromDetails', () => {
  it('places a refusal that names a nested field at that field, without the repeated path', () => {
    const details = `${PREFIX}spatial_info.coverage: Invalid EWKT format. Failed to parse the geometry.`
    expect(problemsFromDetails(details, FIELDS)).toEqual([{ path: 'dataset_info.spatial_info.coverage', message: 'Invalid EWKT format. Failed to parse the geometry.' }])
  })

  it('places a refusal that names a leaf field by its last segment', () => {
    const details = `${PREFIX}organisation_id '10378.1/1451872' is a PERSON, but must be a ORGANISATION.`
    expect(problemsFromDetails(details, FIELDS)).toEqual([
      { path: 'associations.organisation_id', message: "organisation_id '10378.1/1451872' is a PERSON, but must be a ORGANISATION." },
    ])
  })

  it('gives nothing when no field or several fields are named, so the refusal stays above the form', () => {
    expect(problemsFromDetails('The registry could not be reached.', FIELDS)).toEqual([])
    expect(problemsFromDetails(`${PREFIX}publisher_id and organisation_id differ`, FIELDS)).toEqual([])
  })

  it('does not take plain words for field names', () => {
    expect(problemsFromDetails(`${PREFIX}the name is taken`, FIELDS)).toEqual([])
  })
})
