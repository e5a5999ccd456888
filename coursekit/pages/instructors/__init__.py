"""The instructors' pages: the per-chapter guide, the assignment builder and page, the "Assign this chapter" panel."""
