/**
 * The bench's city, bulk-inserted with multi-row INSERTs (entity hydration would take minutes):
 * 453 communities under 4 branches and 40 stations, 130,000 residents with memberships, and
 * 100,000 cases with their timelines and deadlines.
 */
export { BRANCHES, CASES, COMMUNITIES, RESIDENTS, STATIONS, generateCity, type City, type Community } from './dataset/city';
export { generateCases } from './dataset/cases';
