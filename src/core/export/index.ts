export { toZoneFile, quoteTxt } from './zone';
export { toCsv, csvField, CSV_HEADER } from './csv';
