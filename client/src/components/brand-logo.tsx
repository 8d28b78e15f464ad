/** The Quizbus word mark with a small bus, drawn in SVG so it shows without an emoji font. */
export function BrandLogo({ as: Tag = 'p', className = '' }: { as?: 'h1' | 'p'; className?: string }) {
  return (
    <Tag className={`brand ${className}`}>
      <svg className="brand__bus" viewBox="0 0 32 24" width="1.1em" height="0.85em" aria-hidden="true" focusable="false">
        <rect x="1" y="2" width="30" height="17" rx="4" fill="#f2c12e" />
        <rect x="4" y="5" width="7" height="6" rx="1" fill="#25105c" />
        <rect x="13" y="5" width="7" height="6" rx="1" fill="#25105c" />
        <rect x="22" y="5" width="6" height="6" rx="1" fill="#25105c" />
        <circle cx="8" cy="20" r="3" fill="#1a1a2e" />
        <circle cx="24" cy="20" r="3" fill="#1a1a2e" />
      </svg>
      <span>Quizbus</span>
    </Tag>
  );
}
