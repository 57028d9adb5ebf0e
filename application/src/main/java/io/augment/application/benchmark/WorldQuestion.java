package io.augment.application.benchmark;

/**
 * A question about one fact of one person.
 *
 * @param question   the question text
 * @param answer     the fact's value, exactly as the documents write it
 * @param documentId the person's canonical document (gold document)
 * @param attribute  which fact is asked
 * @param eval       true when asked with an evaluation template, which no training text contains
 */
public record WorldQuestion(String question, String answer, String documentId, Attribute attribute, boolean eval) {}
