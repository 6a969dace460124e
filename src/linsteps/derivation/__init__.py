"""The data every renderer reads: notation nodes, named operands, typed steps and the Derivation."""
