"""Core services of the TrailMart UI framework: settings and the driver factory (Module 10, lesson 6)."""
