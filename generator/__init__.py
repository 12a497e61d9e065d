"""Generator of the Turkmenistan–Kazakhstan report: data/*.yaml → docs/ pages and charts."""
