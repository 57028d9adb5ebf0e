package io.augment.adapter.out.extractive;

/**
 * A context sentence with its relevance to the question.
 *
 * @param citation the citation number of its chunk
 * @param position its index among its chunk's sentences
 */
record Candidate(int citation, int position, String text, int words, double score) {}
