export { Tok, XmlError, XmlTokenizer, type TokKind, type TokenizerOptions } from "./tokenizer";
export { elementText, scanXml, type XmlHandler } from "./events";
export { decodeEntities, decodeExcelEscapes, escapeXml, localName } from "./text";
