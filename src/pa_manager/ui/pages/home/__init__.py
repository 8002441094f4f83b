"""The Home page's parts: figure cards, the to-do list, the tax-year table and the fix router."""
