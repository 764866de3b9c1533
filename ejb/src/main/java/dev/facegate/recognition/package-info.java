/** 1:N recognition of a frame from a kiosk or door: detect, align, embed, search, decide. */
package dev.facegate.recognition;
