package org.expodesk.plan;

public enum Priority { LOW, NORMAL, HIGH, CRITICAL }
