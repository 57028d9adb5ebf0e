package io.augment.adapter.in.openai;

/**
 * What a chat {@code model} name resolves to: the base generator, the base generator with a
 * fine-tuned adapter applied, or RAG over a knowledge base.
 *
 * @param model         the name as requested, echoed in responses
 * @param knowledgeBase the knowledge base for {@code rag:<kb>}, else null
 * @param adapter       the adapter for {@code adapter:<name>}, else null
 */
record ChatTarget(String model, String knowledgeBase, String adapter) {
  boolean rag() {
    return knowledgeBase != null;
  }
}
