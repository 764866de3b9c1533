/** Browser tests of the console: page objects, explicit waits, screenshots under target/. */
package dev.facegate.it.browser;
