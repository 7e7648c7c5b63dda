// The web export has no background tasks: tracking.web.ts watches the position while the page is open.
export {};
