package org.expodesk.registration.exhibitor;

/** The kind of booth an exhibitor asks for. */
public enum BoothType { RAW_SPACE, SHELL_SCHEME, CORNER, PENINSULA, ISLAND }
