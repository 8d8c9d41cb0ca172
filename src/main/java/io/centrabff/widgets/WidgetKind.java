package io.centrabff.widgets;

/** The checkout widgets Centra's CheckoutScript drives. */
enum WidgetKind {
    KCO,
    QLIRO,
    INGRID
}
