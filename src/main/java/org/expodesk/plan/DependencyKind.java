package org.expodesk.plan;

/** Finish-to-start (the usual: B starts after A finishes) or start-to-start (B starts after A starts). */
public enum DependencyKind { FS, SS }
