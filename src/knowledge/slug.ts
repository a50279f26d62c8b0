// Entity ids are built from names the same way everywhere: `person:volodymyr-zelensky`.

/** Lower-case ASCII words joined by hyphens, accents dropped ("Zelenskyy's Office" → "zelenskyy-s-office"). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
