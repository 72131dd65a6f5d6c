-- Đặc khu (special zones) became a unit kind at the level of a xã or phường on 1 July 2025.
ALTER TABLE units DROP CONSTRAINT units_kind_check;
ALTER TABLE units ADD CONSTRAINT units_kind_check CHECK (kind IN ('province', 'district', 'ward',
    'special_zone', 'department', 'mass_organization', 'public_service_unit',
    'party_organization', 'other'));
