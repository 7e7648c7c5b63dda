import type { MarkerIcon } from "./map-types";
import styles from "./maps.module.css";

// Marker looks, as HTML for L.divIcon. Colors come from the caller (one palette per page, shown in its legend).
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A round badge with the person's initial; a dashed ring when we have not heard from the phone for a while.
export function personIcon({ initial, color, faded, selected }: { initial: string; color: string; faded?: boolean; selected?: boolean }): MarkerIcon {
  const classes = [styles.person, faded ? styles.faded : "", selected ? styles.selected : ""].filter(Boolean).join(" ");
  return { html: `<span class="${classes}" style="--marker:${color}" aria-hidden="true">${escape(initial.slice(0, 2).toUpperCase())}</span>`, size: [36, 36], anchor: [18, 18] };
}

// A pin with a short text (the job number); the tip marks the spot.
export function pinIcon({ text, color, selected }: { text: string; color: string; selected?: boolean }): MarkerIcon {
  const classes = [styles.pin, selected ? styles.selected : ""].filter(Boolean).join(" ");
  return { html: `<span class="${classes}" style="--marker:${color}" aria-hidden="true"><span>${escape(text)}</span></span>`, size: [34, 42], anchor: [17, 42] };
}

// The customer's home: a pin with a house.
export function homeIcon(color: string): MarkerIcon {
  const house = `<svg viewBox="0 0 24 24" width="18" height="18" fill="#fff" aria-hidden="true"><path d="M12 3 2 11.5h3V21h5.5v-6h3v6H19v-9.5h3z"/></svg>`;
  return { html: `<span class="${styles.pin}" style="--marker:${color}" aria-hidden="true"><span>${house}</span></span>`, size: [34, 42], anchor: [17, 42] };
}
