/**
 * Building blocks shared by the networks: DJL blocks that DJL lacks (a per-channel PReLU) and the
 * conversion of TF.js weight layouts to DJL's.
 */
package dev.facegate.models.nn;
