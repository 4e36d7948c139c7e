package dev.jsrun.icu.build;

import java.util.Optional;

/**
 * What a swapper may know beyond its own bytes: the item's name, and the other big-endian
 * items of the package, which resource bundles need to read the keys of the pool bundle
 * they share.
 */
public interface SwapContext {

    /** The name of the item being swapped, such as {@code coll/de.res}. */
    String item();

    /**
     * The big-endian bytes of another item of the package, such as {@code coll/pool.res}.
     */
    Optional<byte[]> bigEndianItem(String name);

}
