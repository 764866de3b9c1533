/** Face templates: the embeddings that enrolment produced from an employee's photos. */
package dev.facegate.domain.enrolment;
