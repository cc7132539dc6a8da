package org.expodesk.party;

/** What a service ticket is about (服务反馈). */
public enum TicketKind { COMPLAINT, REQUEST, DEFECT, PRAISE }
