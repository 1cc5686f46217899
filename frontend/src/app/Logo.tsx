/** Logo is Setubashi's mark: an arched bridge over water. Decorative; the name beside it is the text. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 40 40" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="9" fill="var(--brand)" />
      <path d="M6 25c4.5-9 23.5-9 28 0" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <path d="M12 20.5v7M20 18.2v9.3M28 20.5v7" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M5 30.5h30" stroke="var(--accent-on-brand)" strokeWidth="2.6" strokeLinecap="round" />
    </svg>
  );
}
