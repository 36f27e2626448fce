"""What the business says, whoever asks: expected errors and the order status machine.

Below `permissions/` (which decides who may) and above `models/` (what is stored).
"""
