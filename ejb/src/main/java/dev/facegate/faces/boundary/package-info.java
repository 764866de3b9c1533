/** The one face-analysis seam: decode, detect, align, measure quality, embed. */
package dev.facegate.faces.boundary;
