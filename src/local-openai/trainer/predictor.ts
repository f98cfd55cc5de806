/** What a model does with a conversation: the assistant's reply text. */
export interface PromptMessage {
  role: string;
  content: string;
}

export interface Predictor {
  reply(messages: readonly PromptMessage[]): string;
}
