import type { HTMLAttributes, ReactNode } from 'react';

interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'section' | 'div' | 'article';
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function Card({ as: Tag = 'section', title, actions, className, children, ...rest }: CardProps) {
  return (
    <Tag className={['card', className ?? ''].filter(Boolean).join(' ')} {...rest}>
      {title || actions ? (
        <div className="card-header">
          {title ? <h2 className="card-title">{title}</h2> : <span />}
          {actions ? <div className="row">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </Tag>
  );
}
