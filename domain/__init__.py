"""What the business says, whoever asks: expected errors, the order status machine, and the
rules of visits, working hours and recurring series.

Below `permissions/` (which decides who may) and above `models/` (what is stored).
"""
