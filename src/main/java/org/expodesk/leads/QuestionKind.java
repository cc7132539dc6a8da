package org.expodesk.leads;

/** What a qualifying question takes as an answer; stored by name, constants only ever added. */
public enum QuestionKind { TEXT, CHOICE, YES_NO }
