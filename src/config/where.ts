/**
 * Where a value sits in the configuration, for messages: a path such as
 * `countries[3].quota.government`, and the country or session it belongs to,
 * printed as `countries[3].quota.government (Malta)`.
 */
export class Where {
  constructor(
    readonly path: string,
    readonly subject?: string,
  ) {}

  static readonly root = new Where('');

  key(key: string): Where {
    return new Where(this.path ? `${this.path}.${key}` : key, this.subject);
  }

  item(index: number): Where {
    return new Where(`${this.path}[${index}]`, this.subject);
  }

  /** The same place, named after what it describes (a country's name, a session's title). */
  about(subject: string | undefined): Where {
    return new Where(this.path, subject ?? this.subject);
  }

  /** "in countries[3] (Malta)", or "at the top level of the file" for the root. */
  inside(): string {
    return this.path ? `in ${this.toString()}` : 'at the top level of the file';
  }

  toString(): string {
    const path = this.path || 'the top level of the file';
    return this.subject ? `${path} (${this.subject})` : path;
  }
}
