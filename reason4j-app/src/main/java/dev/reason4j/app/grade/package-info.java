/** {@code reason4j grade} and {@code reason4j bench grade}: grading answers from the command line. */
package dev.reason4j.app.grade;
