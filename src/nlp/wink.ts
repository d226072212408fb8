import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | null = null;

/** The wink-nlp instance, loaded once per process (about 100 ms). */
export function wink(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
