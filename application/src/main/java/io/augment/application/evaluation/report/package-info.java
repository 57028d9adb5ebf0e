/**
 * Evaluation reports: {@link io.augment.application.evaluation.report.EvaluationReports} renders a
 * run as Markdown or as one self-contained HTML page with inline SVG charts, plus any
 * {@link io.augment.application.evaluation.report.ReportSection}s a caller adds. Plain string
 * building: no template engine, no script, nothing fetched when the page is opened.
 */
package io.augment.application.evaluation.report;
