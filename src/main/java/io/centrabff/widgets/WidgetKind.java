package io.centrabff.widgets;

/** The checkout widgets Centra's CheckoutScript drives. */
enum WidgetKind {
    KCO,
    QLIRO,
    INGRID,
    /** Centra sent its CheckoutScript, so a widget it drives is active, but the answer does not say which. */
    OTHER
}
