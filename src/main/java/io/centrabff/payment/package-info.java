/** Payment: payment fields and widget events, payment, payment result, receipt, address search. */
package io.centrabff.payment;
