package io.centrabff.catalog;

/**
 * The market, pricelist and language a shopper browses in, as Centra derives them from the selection's country.
 *
 * @param market Centra market id: which products exist
 * @param pricelist Centra pricelist id (or {@code all} for server callers): which prices show
 * @param language language code: which texts show
 */
record ShopperContext(String market, String pricelist, String language) {

    ShopperContext with(String market, String pricelist, String language) {
        return new ShopperContext(
                market != null ? market : this.market,
                pricelist != null ? pricelist : this.pricelist,
                language != null ? language : this.language);
    }
}
