package org.expodesk.leads;

/** How promising the exhibitor judges a lead; stored by name, constants only ever added. */
public enum LeadRating { HOT, WARM, COLD }
