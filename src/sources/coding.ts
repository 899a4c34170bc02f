/**
 * Coding one ingested document: language (declared, else detected) and the coder's output, plus the
 * document's SimHash. Runs in the main thread or in a worker (code-pool.ts); both call `createCodeFn`.
 */
import { simhashHex, simhash } from '../store/fingerprint.js';
import type { CodedDocument, DocumentInput } from '../types.js';
import { documentLanguage, loadLanguageModel } from './language.js';

export interface CodeResult {
  coded: CodedDocument;
  /** The language the document was coded as. */
  language: string;
  /** 64-bit SimHash, 16 hex digits. */
  simhash: string;
}

export type CodeFn = (doc: DocumentInput) => CodeResult;

/** Load the dictionaries and the language model once; return the per-document function. */
export async function createCodeFn(dictDirs: string[]): Promise<CodeFn> {
  const { createCoder } = await import('../pipeline/coder.js');
  const coder = createCoder({ dictDirs });
  await loadLanguageModel();
  return (doc) => {
    const language = documentLanguage(doc.text, doc.language);
    const coded = coder.code({ ...doc, language });
    return { coded, language, simhash: simhashHex(simhash(doc.text)) };
  };
}
