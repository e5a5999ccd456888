"""Pictures drawn at build time from the course data as inline SVG: the locator map, the actors map, the timeline."""
