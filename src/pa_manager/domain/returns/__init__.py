"""Council monitoring returns, pure: periods, the return's figures and council templates."""
