/** {@code reason4j testbed generate} and {@code reason4j testbed tokenizer}: the arithmetic world and its tokenizer. */
package dev.reason4j.app.testbed;
