export * from './txt';
export * from './spf';
export * from './dmarc';
export * from './dkim';
export { rsaKeyBits, decodeBase64, type RsaKeyInfo } from './base64';
